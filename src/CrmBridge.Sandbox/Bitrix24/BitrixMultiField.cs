namespace CrmBridge.Sandbox.Bitrix24;

/// <summary>A PHONE/EMAIL/WEB value: [{"ID":"8303","VALUE_TYPE":"WORK","VALUE":"+7...","TYPE_ID":"PHONE"}].</summary>
internal sealed record BitrixMultiField(string Id, string ValueType, string Value, string TypeId);
