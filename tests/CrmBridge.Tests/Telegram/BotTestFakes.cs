using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using CrmBridge.Crm;
using CrmBridge.Enrichment;
using CrmBridge.Rules;

namespace CrmBridge.Tests.Telegram;

internal sealed class NoFindings : ICurrentFindings
{
    public IReadOnlyList<Finding> Current(ClientBase clientBase, DateTimeOffset now) => [];
}

internal sealed class FakeInnQuery(InnQueryResult result) : IInnQuery
{
    public string? Asked { get; private set; }

    public Task<InnQueryResult> LookupAsync(string inn, CancellationToken cancellationToken)
    {
        Asked = inn;
        return Task.FromResult(result);
    }
}

internal sealed class FakeCallable(IReadOnlyList<Company> companies) : ICallableQuery
{
    public List<CrmUser> AskedFor { get; } = [];

    public IReadOnlyList<Company> Callable(IReadOnlyList<CrmUser> managers, DateTimeOffset now, int limit)
    {
        AskedFor.AddRange(managers);
        return companies;
    }
}
