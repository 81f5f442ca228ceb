using CrmBridge.Core.Model;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Sandbox;

/// <summary>
/// The change index of every generated list of one CRM, filled in one pass over its generated companies (not the touched
/// overlay) on the first filtered read.
/// </summary>
internal sealed class ListChanges<TList>(
    SandboxState state, CrmKind crm, IReadOnlyList<TList> lists, Func<TList, PortalCompany, DateTimeOffset?> latestChange, Func<TList, string> name)
    where TList : class
{
    private readonly Lazy<ChangeIndex[]> _indexes = new(() => Build(state, crm, lists, latestChange));

    public ChangeIndex Of(TList list)
    {
        for (var i = 0; i < lists.Count; i++)
        {
            if (ReferenceEquals(lists[i], list))
            {
                return _indexes.Value[i];
            }
        }

        throw new ArgumentException($"{name(list)} is not a generated list.", nameof(list));
    }

    private static ChangeIndex[] Build(SandboxState state, CrmKind crm, IReadOnlyList<TList> lists, Func<TList, PortalCompany, DateTimeOffset?> latestChange)
    {
        var count = crm == CrmKind.Bitrix24 ? state.Portal.BitrixCount : state.Portal.AmoCount;
        var builder = new ChangeIndex.Builder(lists.Count, count, state.Horizon);
        for (var local = 0; local < count; local++)
        {
            var company = state.Portal.Company(crm, local);
            for (var i = 0; i < lists.Count; i++)
            {
                builder.Add(i, local, latestChange(lists[i], company));
            }
        }

        return builder.Build();
    }
}
