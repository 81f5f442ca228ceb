namespace CrmBridge.Sandbox;

public enum SandboxService
{
    Bitrix24,
    AmoCrm,
    Telegram,
    Registry,
}
