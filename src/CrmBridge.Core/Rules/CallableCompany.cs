using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>A card its manager may call today; <see cref="LastContact"/> is null when nobody ever reached it.</summary>
public sealed record CallableCompany(Company Company, Activity? LastContact);
