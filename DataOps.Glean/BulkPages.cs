using DataOps.Glean.Errors;
using DataOps.Glean.Wire;
using System.Net.Http.Headers;
using System.Text.Json;

namespace DataOps.Glean;

/// <summary>
/// Splits documents into bulk pages of at most N documents and M bytes of serialized documents, and writes
/// each page body with the documents' bytes as serialized once, so the size limit is exact.
/// </summary>
internal static class BulkPages
{
    public static IReadOnlyList<IReadOnlyList<byte[]>> Split(IReadOnlyList<DocumentDefinition> documents, int maxDocuments, int maxBytes)
    {
        var pages = new List<IReadOnlyList<byte[]>>();
        var current = new List<byte[]>();
        var bytes = 0L;
        foreach (var document in documents)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(document, GleanJson.Options);
            if (json.Length > maxBytes)
            {
                throw new GleanPayloadTooLargeException("bulkindexdocuments", $"document '{document.Id}' is {json.Length} bytes serialized; a page may carry at most {maxBytes}", statusCode: null);
            }

            if (current.Count == maxDocuments || bytes + json.Length > maxBytes)
            {
                pages.Add(current);
                current = [];
                bytes = 0;
            }

            current.Add(json);
            bytes += json.Length;
        }

        // An empty upload is still one page: it is how a datasource is emptied.
        if (current.Count > 0 || pages.Count == 0)
        {
            pages.Add(current);
        }

        return pages;
    }

    public static HttpContent Body(string uploadId, string datasource, IReadOnlyList<byte[]> documents, bool isFirst, bool isLast, bool forceRestart, bool disableStaleCheck)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("uploadId", uploadId);
            writer.WriteString("datasource", datasource);
            writer.WriteStartArray("documents");
            foreach (var document in documents)
            {
                writer.WriteRawValue(document, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteBoolean("isFirstPage", isFirst);
            writer.WriteBoolean("isLastPage", isLast);
            writer.WriteBoolean("forceRestartUpload", forceRestart);
            writer.WriteBoolean("disableStaleDocumentDeletionCheck", disableStaleCheck);
            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
