using System.Text.Json;
using CrmBridge.Foundation;

namespace CrmBridge.Hosting;

/// <summary>
/// The <c>--config FILE</c> layer. It is read and checked here, before the configuration builder sees it, so a missing
/// or broken file is one line naming the file (exit 2), never a parser stack trace.
/// </summary>
internal static class ExtraConfigFile
{
    public static MemoryStream Open(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigurationException($"--config: {path} does not exist");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"--config: {path} cannot be read ({ex.Message})");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigurationException($"--config: {path} is JSON but not an object of settings (it starts with {document.RootElement.ValueKind})");
            }
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException($"--config: {path} is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1})");
        }

        return new MemoryStream(bytes, writable: false);
    }
}
