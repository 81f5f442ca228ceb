using CrmBridge.Core.Model;

namespace CrmBridge.Sandbox.Portal;

/// <summary>The one sales pipeline both CRMs use: Bitrix24 category 0, amoCRM pipeline <see cref="AmoPipelineId"/>.</summary>
public static class PortalPipeline
{
    public const long AmoPipelineId = 7_001_001;
    public const int BitrixCategoryId = 0;
    public const int New = 0;
    public const int Preparation = 1;

    /// <summary>"Счёт на предоплату": the proposal stage (a proposal sent), as setup proposes it.</summary>
    public const int PrepaymentInvoice = 2;

    public const int Executing = 3;

    /// <summary>"Финальный счёт": the TOP zone (near closing), as setup proposes it by its name.</summary>
    public const int FinalInvoice = 4;

    public const int Won = 5;
    public const int Lost = 6;

    public static IReadOnlyList<PortalStage> Stages { get; } =
    [
        new("NEW", 7_001_101, "Новая", 10, StageSemantics.Open, 10),
        new("PREPARATION", 7_001_102, "Подготовка документов", 20, StageSemantics.Open, 25),
        new("PREPAYMENT_INVOICE", 7_001_103, "Счёт на предоплату", 30, StageSemantics.Open, 50),
        new("EXECUTING", 7_001_104, "В работе", 40, StageSemantics.Open, 70),
        new("FINAL_INVOICE", 7_001_105, "Финальный счёт", 50, StageSemantics.Open, 90),
        new("WON", 142, "Сделка успешна", 60, StageSemantics.Won, 100),
        new("LOSE", 143, "Сделка провалена", 70, StageSemantics.Lost, 0),
    ];
}
