using CrmBridge.Core.Model;

namespace CrmBridge.Core.Clients;

/// <summary>
/// A client's ABCDE grade in one sales channel (pipeline). <see cref="Margin"/> is null when a won deal of the window
/// carries no margin: then E was not checked ("no margin data"), and the grade says so instead of guessing.
/// </summary>
public sealed record AbcdeGrade(CrmRef Pipeline, ClientCategory Grade, decimal Income, decimal? Margin, Potential Potential, string Reason)
{
    public bool HasMarginData => Margin is not null;
}
