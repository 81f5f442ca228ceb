using System.Text.Json.Nodes;

namespace CrmBridge.Tests.Rules;

/// <summary>A write-back request the fake portal received: the method, the JSON body as sent, and when.</summary>
internal sealed record PortalWrite(string Method, JsonObject Body, DateTimeOffset At);
