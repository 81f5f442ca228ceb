using CrmBridge.Core.Model;
using CrmBridge.Core.People;
using CrmBridge.Storage;

namespace CrmBridge.People;

/// <summary>
/// The people directory over the CRM users in the Store, rebuilt when the number of users changes (a sync adds them)
/// or when a step hands over the users it already loaded.
/// </summary>
internal sealed class PeopleDirectorySource(ICrmStore store, PeopleConfiguration configuration)
{
    private readonly Lock gate = new();
    private PeopleDirectory? current;
    private int count = -1;

    public PeopleConfiguration Configuration => configuration;

    public PeopleDirectory Current
    {
        get
        {
            var now = store.Managers.Count();
            lock (gate)
            {
                if (current is null || now != count)
                {
                    current = new PeopleDirectory(store.Managers.All(), configuration.Settings);
                    count = now;
                }

                return current;
            }
        }
    }

    /// <summary>The directory over users a step already loaded; also becomes the current one.</summary>
    public PeopleDirectory For(IReadOnlyCollection<Manager> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        var directory = new PeopleDirectory(users, configuration.Settings);
        lock (gate)
        {
            current = directory;
            count = users.Count;
        }

        return directory;
    }
}
