using CrmBridge.Core.Model;

namespace CrmBridge.Outbox;

/// <summary>A Telegram message in HTML; an optional PNG is sent as a photo before it.</summary>
internal sealed record TelegramMessagePayload(long ChatId, string Html, byte[]? Photo = null, string? PhotoCaption = null);

/// <summary>Give a company card to another CRM user and say why on the card.</summary>
internal sealed record ReassignCompanyPayload(CrmRef Company, string NewOwnerId, string Comment);

/// <summary>A comment on the company card's timeline / notes.</summary>
internal sealed record CompanyCommentPayload(CrmRef Company, string Text);

/// <summary>A task (to-do) for a CRM user bound to the company card.</summary>
internal sealed record CompanyTaskPayload(CrmRef Company, string ResponsibleId, string Title, DateTimeOffset Deadline);
