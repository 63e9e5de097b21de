using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace DataOps.Storage.Internal;

/// <summary>
/// Reads the storage error code and message: the <c>x-ms-error-code</c> header first, then the XML body
/// (blob/queue: <c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;</c>) or the JSON body (table: <c>odata.error</c>).
/// </summary>
internal sealed class StorageErrorParser : RequestFailedDetailsParser
{
    public static StorageErrorParser Instance { get; } = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        string? message = null;
        try
        {
            var content = response.Content?.ToString();
            if (!string.IsNullOrWhiteSpace(content))
            {
                var trimmed = content.TrimStart();
                if (trimmed.StartsWith('<'))
                {
                    var root = XDocument.Parse(trimmed).Root;
                    code ??= root?.Element("Code")?.Value;
                    message = root?.Element("Message")?.Value;
                }
                else if (trimmed.StartsWith('{'))
                {
                    using var doc = JsonDocument.Parse(trimmed);
                    if (doc.RootElement.TryGetProperty("odata.error", out var odata))
                    {
                        code ??= odata.TryGetProperty("code", out var c) ? c.GetString() : null;
                        if (odata.TryGetProperty("message", out var m))
                        {
                            message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString();
                        }
                    }
                }
            }
        }
        catch (Exception ex) when (ex is XmlException or JsonException or InvalidOperationException)
        {
            // An unreadable body still leaves the status and header code.
        }

        error = code is null && message is null ? null : new ResponseError(code, message);
        return error is not null;
    }
}
