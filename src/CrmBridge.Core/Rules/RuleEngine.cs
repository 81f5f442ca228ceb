using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>Runs every rule of domain.md section 2 over one input.</summary>
public static class RuleEngine
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new CooldownRule(),
        new ConflictRule(),
        new OwnershipRule(),
        new PostponedRule(),
        new QuarantineRule(),
        new SleepingRule(),
    ];

    public static IReadOnlyList<Finding> Evaluate(RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [.. All.SelectMany(rule => rule.Evaluate(input))];
    }
}
