using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace DataOps.Storage.Internal;

/// <summary>
/// Signs every attempt with Shared Key: the blob/queue format (canonicalized x-ms headers and resource with all
/// query parameters) or the table format (date and resource with <c>comp</c> only). Runs per retry so each attempt
/// carries a fresh <c>x-ms-date</c>.
/// </summary>
internal sealed class SharedKeySigningPolicy(string accountName, byte[] accountKey, StorageServiceKind kind)
    : HttpPipelineSynchronousPolicy
{
    private readonly string _accountName = accountName;
    private readonly byte[] _accountKey = accountKey;
    private readonly StorageServiceKind _kind = kind;

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var date = DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture);
        request.Headers.SetValue("x-ms-date", date);
        var stringToSign = _kind == StorageServiceKind.Table ? TableStringToSign(request, date) : BlobQueueStringToSign(request);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_accountKey, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.SetValue("Authorization", $"SharedKey {_accountName}:{signature}");
    }

    private string TableStringToSign(Request request, string date)
    {
        var sb = new StringBuilder();
        sb.Append(request.Method.Method).Append('\n');
        sb.Append(Header(request, "Content-MD5")).Append('\n');
        sb.Append(Header(request, "Content-Type")).Append('\n');
        sb.Append(date).Append('\n');
        var uri = request.Uri.ToUri();
        sb.Append('/').Append(_accountName).Append(uri.AbsolutePath);
        foreach (var (name, value) in QueryParameters(uri))
        {
            if (name == "comp")
            {
                sb.Append("?comp=").Append(value);
            }
        }

        return sb.ToString();
    }

    private string BlobQueueStringToSign(Request request)
    {
        var sb = new StringBuilder();
        sb.Append(request.Method.Method).Append('\n');
        sb.Append(Header(request, "Content-Encoding")).Append('\n');
        sb.Append(Header(request, "Content-Language")).Append('\n');
        long length = 0;
        if (request.Content is not null && request.Content.TryComputeLength(out var computed))
        {
            length = computed;
        }

        sb.Append(length == 0 ? string.Empty : length.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append(Header(request, "Content-MD5")).Append('\n');
        sb.Append(Header(request, "Content-Type")).Append('\n');
        sb.Append('\n'); // Date: x-ms-date is used instead
        sb.Append(Header(request, "If-Modified-Since")).Append('\n');
        sb.Append(Header(request, "If-Match")).Append('\n');
        sb.Append(Header(request, "If-None-Match")).Append('\n');
        sb.Append(Header(request, "If-Unmodified-Since")).Append('\n');
        sb.Append(Header(request, "Range")).Append('\n');

        var msHeaders = request.Headers
            .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
            .OrderBy(h => h.Name, StringComparer.Ordinal);
        foreach (var (name, value) in msHeaders)
        {
            sb.Append(name).Append(':').Append(value).Append('\n');
        }

        var uri = request.Uri.ToUri();
        sb.Append('/').Append(_accountName).Append(uri.AbsolutePath);
        var parameters = QueryParameters(uri)
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in parameters)
        {
            sb.Append('\n').Append(group.Key).Append(':')
                .Append(string.Join(',', group.Select(p => p.Value).Order(StringComparer.Ordinal)));
        }

        return sb.ToString();
    }

    private static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : string.Empty;

    private static IEnumerable<(string Name, string Value)> QueryParameters(Uri uri)
    {
        var query = uri.Query;
        if (query.Length <= 1)
        {
            yield break;
        }

        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]).ToLowerInvariant();
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            yield return (name, value);
        }
    }
}
