using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>A rule of domain.md section 2: a pure function from the base, settings and now to findings.</summary>
public interface IRule
{
    IEnumerable<Finding> Evaluate(RuleInput input);
}
