using System.Text.Json.Nodes;

namespace CrmBridge.Tests.Bitrix24.Fakes;

/// <summary>A method the fake portal ran: directly (CommandKey null) or as a command of HTTP request number Request.</summary>
internal sealed record PortalCall(int Request, string Method, JsonObject Parameters, string? CommandKey, string? RawCommand)
{
    public DateTimeOffset At { get; init; }

    /// <summary>The portal answered this command with a planted error (FakePortal.FailNextCommand).</summary>
    public bool Failed { get; init; }
}
