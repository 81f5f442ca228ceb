using CrmBridge.People;
using Microsoft.Extensions.Configuration;

namespace CrmBridge.Tests.Support;

/// <summary>A <see cref="PeopleConfiguration"/> from a few configuration keys, as the host would read them.</summary>
internal static class TestPeople
{
    public static PeopleConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build());

    public static PeopleConfiguration None { get; } = Configuration();
}
