using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>A card in cooldown: callable again from local midnight of <see cref="CallableFrom"/>.</summary>
public sealed record RestingCompany(Company Company, Activity LastContact, DateOnly CallableFrom, DateTimeOffset RestsUntil);
