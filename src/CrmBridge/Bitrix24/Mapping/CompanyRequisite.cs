using CrmBridge.Core.Model;

namespace CrmBridge.Bitrix24.Mapping;

/// <summary>A requisite and the company card it belongs to.</summary>
internal sealed record CompanyRequisite(CrmRef Company, Requisite Requisite);
