using System.Collections;
using System.Reflection;

namespace CrmBridge.Tests.Storage;

/// <summary>Field-by-field comparison of records: lists by content, DateTimeOffset by instant and offset.</summary>
internal static class RecordAssert
{
    public static void SameFields<T>(T expected, T actual)
    {
        Assert.NotNull(actual);
        foreach (var property in Properties<T>())
        {
            var want = property.GetValue(expected);
            var got = property.GetValue(actual);
            var where = $"{typeof(T).Name}.{property.Name}";
            switch (want)
            {
                case DateTimeOffset wantTime:
                    var gotTime = Assert.IsType<DateTimeOffset>(got);
                    Assert.True(wantTime.UtcTicks == gotTime.UtcTicks && wantTime.Offset == gotTime.Offset, $"{where}: {wantTime:O} != {gotTime:O}");
                    break;
                case IEnumerable wantItems and not string:
                    Assert.True(
                        wantItems.Cast<object?>().SequenceEqual(Assert.IsAssignableFrom<IEnumerable>(got).Cast<object?>()),
                        $"{where} differs");
                    break;
                default:
                    Assert.True(Equals(want, got), $"{where}: '{want}' != '{got}'");
                    break;
            }
        }
    }

    /// <summary>
    /// Guards a round-trip test against passing vacuously: every settable field differs from what a fresh
    /// record (defaults and initializers) holds.
    /// </summary>
    public static void EveryFieldSet<T>(T record)
        where T : class
    {
        var fresh = Activator.CreateInstance<T>();
        foreach (var property in Properties<T>().Where(p => p.CanWrite))
        {
            var value = property.GetValue(record);
            var initial = property.GetValue(fresh);
            var unchanged = value is IEnumerable items and not string
                ? !items.Cast<object>().Any()
                : Equals(value, initial);
            Assert.False(unchanged, $"{typeof(T).Name}.{property.Name} is left at its default in the test record");
        }
    }

    private static IEnumerable<PropertyInfo> Properties<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0);
}
