using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>The managers seen working one client, each with the evidence, in the order first seen.</summary>
internal sealed class ConflictWorkers
{
    private readonly ManagerDirectory _people;
    private readonly List<ConflictWorker> _workers = [];

    public ConflictWorkers(ManagerDirectory people)
    {
        _people = people;
    }

    public int Count => _workers.Count;

    public IReadOnlyList<ConflictWorker> All => _workers;

    /// <summary>Records a manager's evidence (null: only that they work the client); the pool user and admins are nobody's manager and are ignored.</summary>
    public void Add(CrmRef user, string? evidence)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!_people.IsManager(user))
        {
            return;
        }

        var worker = Find(user);
        if (worker is null)
        {
            worker = new ConflictWorker(user, _people.PersonKey(user));
            _workers.Add(worker);
        }

        if (evidence is not null)
        {
            worker.Evidence.Add(evidence);
        }
    }

    public ConflictWorker? Find(CrmRef user)
    {
        var key = _people.PersonKey(user);
        return _workers.Find(w => w.PersonKey == key);
    }
}
