using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using DataOps.Storage.Internal;

namespace DataOps.Storage.Tables;

/// <summary>Entry point to the Table service of one storage account: list, create and delete tables.</summary>
public class TableServiceClient
{
    private readonly StoragePipeline _pipeline = null!;

    /// <summary>Creates a client from a connection string (see <see cref="StorageConnectionString"/>).</summary>
    public TableServiceClient(string connectionString, StorageClientOptions? options = null)
        => _pipeline = new StoragePipeline(StorageConnectionString.Parse(connectionString), options, StorageServiceKind.Table);

    /// <summary>For mocking.</summary>
    protected TableServiceClient()
    {
    }

    /// <summary>The account name.</summary>
    public virtual string AccountName => _pipeline.AccountName;

    /// <summary>The table service endpoint.</summary>
    public virtual Uri Uri => _pipeline.Endpoint;

    /// <summary>A client for one table (no request is sent).</summary>
    public virtual TableClient GetTableClient(string tableName) => new(_pipeline, tableName);

    /// <summary>Creates a table; the value is true when created, false when it already existed.</summary>
    public virtual Task<Response<bool>> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Deletes a table; an absent table is not an error.</summary>
    public virtual Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).DeleteAsync(cancellationToken);

    /// <summary>
    /// Lists tables matching an OData <paramref name="filter"/> on <c>TableName</c> (all when null), page by page;
    /// see <see cref="TableClient.CreateQueryFilter"/>.
    /// </summary>
    public virtual AsyncPageable<TableItem> QueryAsync(string? filter = null, int? maxPerPage = null, CancellationToken cancellationToken = default) =>
        new FuncAsyncPageable<TableItem>((token, pageSize, ct) => QueryPageAsync(filter, token, pageSize ?? maxPerPage, ct), cancellationToken);

    private async Task<Page<TableItem>> QueryPageAsync(string? filter, string? token, int? pageSize, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, "Tables");
        if (!string.IsNullOrEmpty(filter))
        {
            message.Request.Uri.AppendQuery("$filter", filter);
        }

        if (pageSize is > 0)
        {
            message.Request.Uri.AppendQuery("$top", pageSize.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(token))
        {
            message.Request.Uri.AppendQuery("NextTableName", token);
        }

        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var items = json.RootElement.GetProperty("value").EnumerateArray()
            .Select(t => new TableItem(t.GetProperty("TableName").GetString()!)).ToList();
        return Page<TableItem>.FromValues(items, HeaderReader.String(response, "x-ms-continuation-NextTableName"), response);
    }
}
