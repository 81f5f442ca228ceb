using LiteDB;

namespace CrmBridge.Storage.Bson;

/// <summary>
/// A <see cref="DateTimeOffset"/> in one Int64, exact: CRM moments are whole seconds, so seconds since year 1 times 4096
/// plus the offset in minutes (+2048) fit easily. A moment with a fraction of a second (a test clock, "now") is kept as
/// [UTC ticks, offset minutes]. BSON dates would lose the offset and everything under a millisecond.
/// </summary>
internal static class BsonMoment
{
    private const long OffsetSpan = 4096;
    private const int OffsetBias = 2048;

    public static BsonValue Write(DateTimeOffset value)
    {
        var offset = (int)value.Offset.TotalMinutes;
        var ticks = value.UtcTicks;
        return ticks % TimeSpan.TicksPerSecond == 0
            ? new BsonValue((ticks / TimeSpan.TicksPerSecond * OffsetSpan) + offset + OffsetBias)
            : new BsonArray(new BsonValue(ticks), new BsonValue(offset));
    }

    public static BsonValue Write(DateTimeOffset? value) => value is { } moment ? Write(moment) : BsonValue.Null;

    public static DateTimeOffset Read(BsonValue value)
    {
        if (value.IsArray)
        {
            var offset = TimeSpan.FromMinutes(value.AsArray[1].AsInt32);
            return new DateTimeOffset(value.AsArray[0].AsInt64 + offset.Ticks, offset);
        }

        var packed = value.AsInt64;
        var minutes = (int)(packed % OffsetSpan) - OffsetBias;
        var utc = packed / OffsetSpan * TimeSpan.TicksPerSecond;
        var shift = TimeSpan.FromMinutes(minutes);
        return new DateTimeOffset(utc + shift.Ticks, shift);
    }

    public static DateTimeOffset? ReadOptional(BsonValue value) => value.IsNull ? null : Read(value);
}
