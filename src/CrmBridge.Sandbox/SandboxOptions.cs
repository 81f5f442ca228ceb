using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Sandbox;

/// <summary>How to start the sandbox: the portal, the credentials it accepts and the vendors' limits.</summary>
public sealed record SandboxOptions
{
    /// <summary>A generated portal; when null one is generated from <see cref="Spec"/>.</summary>
    public SamplePortal? Portal { get; init; }

    public SamplePortalSpec Spec { get; init; } = new();

    /// <summary>0 = a free port on 127.0.0.1.</summary>
    public int Port { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Turns off every rate limit (for tests that are not about limits).</summary>
    public bool RateLimits { get; init; } = true;

    /// <summary>Bitrix24 leaky bucket: capacity X and drain Y per second (non-Enterprise plans: 50 and 2).</summary>
    public int BitrixBurst { get; init; } = 50;

    public double BitrixDrainPerSecond { get; init; } = 2;

    public int BitrixUserId { get; init; } = 1;

    public string BitrixSecret { get; init; } = "sandboxwebhooksecret";

    /// <summary>amoCRM: requests per second before 429.</summary>
    public int AmoRequestsPerSecond { get; init; } = 7;

    /// <summary>A long-lived token the amoCRM stand-in always accepts.</summary>
    public string AmoAccessToken { get; init; } = "sandbox-amo-long-lived-token";

    public string AmoClientId { get; init; } = "sandbox-client-id";

    public string AmoClientSecret { get; init; } = "sandbox-client-secret";

    /// <summary>The one authorization code the token endpoint exchanges (single use).</summary>
    public string AmoAuthorizationCode { get; init; } = "sandbox-authorization-code";

    public string TelegramBotToken { get; init; } = "123456789:SANDBOX-bot-token";

    public string DaDataToken { get; init; } = "sandbox-dadata-token";
}
