namespace CrmBridge.Core.Kpi;

/// <summary>Deals lost in the period for one reason; <see cref="Reason"/> is null for deals the CRM gave no reason for.</summary>
public sealed record LostReasonFigure(string? Reason, int Count, MoneyBag Amount);
