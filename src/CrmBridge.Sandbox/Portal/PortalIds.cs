using CrmBridge.Core.Model;

namespace CrmBridge.Sandbox.Portal;

/// <summary>
/// Id arithmetic: every record id encodes its company's local index and slot, so a page starting after any id
/// can be served by jumping to that company instead of scanning.
/// </summary>
public static class PortalIds
{
    public const int DealSlots = 4;
    public const int ActivitySlots = 6;
    public const int ContactSlots = 2;
    public const int HistorySlots = 8;

    public const long AmoCompanyBase = 20_000_000;
    public const long AmoDealBase = 30_000_000;
    public const long AmoActivityBase = 40_000_000;
    public const long AmoContactBase = 60_000_000;

    public static long Company(CrmKind crm, int local) => Base(crm, AmoCompanyBase) + local + 1;

    public static long Deal(CrmKind crm, int local, int slot) => Base(crm, AmoDealBase) + ((long)local * DealSlots) + slot + 1;

    public static long Activity(CrmKind crm, int local, int slot) => Base(crm, AmoActivityBase) + ((long)local * ActivitySlots) + slot + 1;

    public static long Contact(CrmKind crm, int local, int slot) => Base(crm, AmoContactBase) + ((long)local * ContactSlots) + slot + 1;

    /// <summary>Bitrix24 stage history ids: eight per deal.</summary>
    public static long History(long dealId, int step) => ((dealId - 1) * HistorySlots) + step + 1;

    /// <summary>The local company index of the first record with id greater than <paramref name="afterId"/>.</summary>
    public static int FirstLocalAfter(CrmKind crm, long afterId, long amoBase, int slots)
    {
        var offset = afterId - Base(crm, amoBase);
        return offset <= 0 ? 0 : (int)Math.Min(int.MaxValue, offset / slots);
    }

    public static int LocalOf(CrmKind crm, long id, long amoBase, int slots) => (int)((id - Base(crm, amoBase) - 1) / slots);

    private static long Base(CrmKind crm, long amoBase) => crm == CrmKind.Bitrix24 ? 0 : amoBase;
}
