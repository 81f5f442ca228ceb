using System.CommandLine;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Sandbox.Demo;

/// <summary>The generated portal's size and seed, as `demo` and `serve` take them: one range check, one wording.</summary>
internal static class PortalOptions
{
    public const int DefaultSize = 300;

    public const int DefaultSeed = 20261123;

    public static Option<int> Size()
    {
        var size = new Option<int>("--size") { Description = $"companies in the generated portal (default {DefaultSize})", HelpName = "N", DefaultValueFactory = _ => DefaultSize };
        size.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < SamplePortalSpec.MinSize or > SamplePortalSpec.MaxSize)
            {
                result.AddError($"--size must be from {SamplePortalSpec.MinSize} to {SamplePortalSpec.MaxSize}.");
            }
        });
        return size;
    }

    public static Option<int> Seed() =>
        new("--seed") { Description = "seed of the generated portal: the same seed, the same portal", HelpName = "S", DefaultValueFactory = _ => DefaultSeed };
}
