using CrmBridge.Sandbox;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await ToolingCommandLine.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
