using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Azure;
using DataOps.Storage.Tables;

namespace DataOps.Storage.Internal;

/// <summary>Builds the multipart body of an entity-group transaction and splits its multipart response.</summary>
internal static partial class TableBatch
{
    public const int MaxActions = 100;

    public static (string ContentType, byte[] Body) Build(Uri tableEndpoint, string table, IReadOnlyList<TableTransactionAction> actions)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("N");
        var changeset = "changeset_" + Guid.NewGuid().ToString("N");
        var sb = new StringBuilder();
        sb.Append("--").Append(batch).Append("\r\n");
        sb.Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append("\r\n\r\n");
        var baseUri = tableEndpoint.AbsoluteUri.TrimEnd('/');
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            var entity = action.Entity;
            var (method, withKeys, body, ifMatch) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", false, true, (ETag?)null),
                TableTransactionActionType.UpdateMerge => ("MERGE", true, true, Condition(action.ETag)),
                TableTransactionActionType.UpdateReplace => ("PUT", true, true, Condition(action.ETag)),
                TableTransactionActionType.UpsertMerge => ("MERGE", true, true, null),
                TableTransactionActionType.UpsertReplace => ("PUT", true, true, null),
                TableTransactionActionType.Delete => ("DELETE", true, false, Condition(action.ETag)),
                _ => throw new ArgumentException($"Unknown action type {action.ActionType}.", nameof(actions)),
            };
            sb.Append("--").Append(changeset).Append("\r\n");
            sb.Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            sb.Append(method).Append(' ').Append(baseUri).Append('/')
                .Append(withKeys ? TableClientPaths.EntityPath(table, entity.PartitionKey, entity.RowKey) : Uri.EscapeDataString(table))
                .Append(" HTTP/1.1\r\n");
            sb.Append("Content-ID: ").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            sb.Append("Accept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\n");
            if (ifMatch is { } etag)
            {
                sb.Append("If-Match: ").Append(etag.ToString()).Append("\r\n");
            }

            if (body)
            {
                sb.Append("Prefer: return-no-content\r\nContent-Type: application/json\r\n\r\n");
                sb.Append(Encoding.UTF8.GetString(EntitySerializer.Serialize(entity))).Append("\r\n");
            }
            else
            {
                EntityValidator.ValidateKey(entity.PartitionKey, nameof(ITableEntity.PartitionKey));
                EntityValidator.ValidateKey(entity.RowKey, nameof(ITableEntity.RowKey));
                sb.Append("\r\n");
            }
        }

        sb.Append("--").Append(changeset).Append("--\r\n");
        sb.Append("--").Append(batch).Append("--\r\n");
        return ($"multipart/mixed; boundary={batch}", Encoding.UTF8.GetBytes(sb.ToString()));
    }

    private static ETag Condition(ETag etag) => etag == default ? ETag.All : etag;

    /// <summary>Every embedded HTTP response, in order.</summary>
    public static List<BatchPartResponse> Parse(string body)
    {
        var parts = new List<BatchPartResponse>();
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var status = StatusLine().Match(lines[i]);
            if (!status.Success)
            {
                continue;
            }

            var headers = new List<(string, string)>();
            i++;
            for (; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers.Add((lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
                }
            }

            var content = new StringBuilder();
            for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal); i++)
            {
                content.Append(lines[i]).Append('\n');
            }

            i--;
            parts.Add(new BatchPartResponse(
                int.Parse(status.Groups[1].Value, CultureInfo.InvariantCulture),
                status.Groups[2].Value,
                headers,
                BinaryData.FromString(content.ToString().Trim())));
        }

        return parts;
    }

    /// <summary>The failed action's index from a service message of the form "3:The specified entity already exists.".</summary>
    public static int? FailedIndex(string? message)
    {
        if (message is null)
        {
            return null;
        }

        var match = IndexPrefix().Match(message);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^HTTP/1\.1 (\d{3}) ?(.*)$")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();
}
