namespace CrmBridge.AmoCrm;

internal readonly record struct AmoReadResult(int Stored, int Skipped)
{
    public static AmoReadResult operator +(AmoReadResult left, AmoReadResult right) =>
        new(left.Stored + right.Stored, left.Skipped + right.Skipped);

    public static AmoReadResult Add(AmoReadResult left, AmoReadResult right) => left + right;
}
