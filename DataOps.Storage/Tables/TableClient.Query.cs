using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using DataOps.Storage.Internal;

namespace DataOps.Storage.Tables;

/// <summary>Queries.</summary>
public partial class TableClient
{
    /// <summary>
    /// Queries entities matching an OData <paramref name="filter"/> (all when null; build one with
    /// <see cref="CreateQueryFilter"/>), at most <paramref name="maxPerPage"/> per page (service maximum 1000),
    /// optionally only the <paramref name="select"/>ed properties. Pages follow the service's continuation tokens.
    /// </summary>
    public virtual AsyncPageable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        if (maxPerPage is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "A page holds 1-1000 entities.");
        }

        var columns = select?.ToList();
        return new FuncAsyncPageable<T>((token, pageSize, ct) => QueryPageAsync<T>(filter, pageSize ?? maxPerPage, columns, token, ct), cancellationToken);
    }

    private async Task<Page<T>> QueryPageAsync<T>(string? filter, int? top, List<string>? select, string? token, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        using var message = _pipeline.CreateMessageForPath(RequestMethod.Get, Uri.EscapeDataString(Name) + "()");
        var uri = message.Request.Uri;
        if (!string.IsNullOrEmpty(filter))
        {
            uri.AppendQuery("$filter", filter);
        }

        if (top is { } count)
        {
            uri.AppendQuery("$top", count.ToString(CultureInfo.InvariantCulture));
        }

        AppendSelect(message.Request, select);
        if (!string.IsNullOrEmpty(token))
        {
            var split = token.IndexOf(' ', StringComparison.Ordinal);
            uri.AppendQuery("NextPartitionKey", split < 0 ? token : token[..split]);
            if (split >= 0)
            {
                uri.AppendQuery("NextRowKey", token[(split + 1)..]);
            }
        }

        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var items = json.RootElement.GetProperty("value").EnumerateArray().Select(EntitySerializer.Deserialize<T>).ToList();
        var nextPartition = HeaderReader.String(response, "x-ms-continuation-NextPartitionKey");
        var nextRow = HeaderReader.String(response, "x-ms-continuation-NextRowKey");
        var next = string.IsNullOrEmpty(nextPartition) ? null : nextRow is null ? nextPartition : nextPartition + " " + nextRow;
        return Page<T>.FromValues(items, next, response);
    }
}
