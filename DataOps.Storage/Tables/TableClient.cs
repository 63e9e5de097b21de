using System.Text.Json;
using Azure;
using Azure.Core;
using DataOps.Storage.Internal;

namespace DataOps.Storage.Tables;

/// <summary>
/// One table: create/delete, entity insert, upsert, conditional update, get, delete, queries with continuation and
/// entity-group transactions. Entities are <see cref="TableEntity"/> dictionaries or typed classes.
/// </summary>
public partial class TableClient
{
    private static readonly RequestMethod Merge = new("MERGE");

    private readonly StoragePipeline _pipeline = null!;

    internal TableClient(StoragePipeline pipeline, string name)
    {
        NameValidator.Table(name, nameof(name));
        _pipeline = pipeline;
        Name = name;
    }

    /// <summary>For mocking.</summary>
    protected TableClient() => Name = string.Empty;

    /// <summary>The table name.</summary>
    public virtual string Name { get; }

    /// <summary>
    /// Builds an OData filter from an interpolated string, turning each value into a literal of its type
    /// (strings quoted with quotes doubled, <c>123L</c>, <c>guid'..'</c>, <c>datetime'..'</c>, <c>X'..'</c>).
    /// </summary>
    public static string CreateQueryFilter(FormattableString filter) => TableFilterFormatter.Format(filter);

    /// <summary>Creates the table; the value is true when created, false when it already existed.</summary>
    public virtual async Task<Response<bool>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Post, "Tables");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJson(message.Request, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
        var response = await _pipeline.SendAsync(message, cancellationToken, 201, 204, 409).ConfigureAwait(false);
        if (response.Status == 409 && StoragePipeline.ErrorCode(response) != "TableAlreadyExists")
        {
            throw StoragePipeline.CreateException(response);
        }

        return Response.FromValue(response.Status != 409, response);
    }

    /// <summary>Deletes the table and its entities; an absent table is not an error.</summary>
    public virtual async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessageForPath(RequestMethod.Delete, $"Tables('{Uri.EscapeDataString(Name)}')");
        return await _pipeline.SendAsync(message, cancellationToken, 204, 404).ConfigureAwait(false);
    }

    /// <summary>Inserts the entity; 409 <c>EntityAlreadyExists</c> when its keys are taken. The response carries the new ETag.</summary>
    public virtual async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        var body = EntitySerializer.Serialize(entity);
        using var message = _pipeline.CreateMessage(RequestMethod.Post, Name);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJson(message.Request, body);
        return await _pipeline.SendAsync(message, cancellationToken, 204, 201).ConfigureAwait(false);
    }

    /// <summary>Inserts or merges/replaces the entity, unconditionally.</summary>
    public virtual async Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        var body = EntitySerializer.Serialize(entity);
        using var message = EntityMessage(mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put, entity.PartitionKey, entity.RowKey);
        SetJson(message.Request, body);
        return await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>
    /// Updates an existing entity only if its ETag still equals <paramref name="ifMatch"/> (<see cref="ETag.All"/>:
    /// any); 412 <c>UpdateConditionNotSatisfied</c> on a mismatch, 404 when absent.
    /// </summary>
    public virtual async Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        if (ifMatch == default)
        {
            throw new ArgumentException("An ETag is required; pass ETag.All to update unconditionally.", nameof(ifMatch));
        }

        var body = EntitySerializer.Serialize(entity);
        using var message = EntityMessage(mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put, entity.PartitionKey, entity.RowKey);
        message.Request.Headers.SetValue("If-Match", ifMatch.ToString());
        SetJson(message.Request, body);
        return await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>Reads one entity (optionally only the <paramref name="select"/>ed properties); 404 <c>ResourceNotFound</c> when absent.</summary>
    public virtual async Task<Response<T>> GetEntityAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var response = await GetEntityIfExistsAsync<T>(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
        return response.HasValue ? Response.FromValue(response.Value!, response.GetRawResponse()) : throw StoragePipeline.CreateException(response.GetRawResponse());
    }

    /// <summary>Reads one entity, or a response without value when it does not exist.</summary>
    public virtual async Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        using var message = EntityMessage(RequestMethod.Get, partitionKey, rowKey);
        AppendSelect(message.Request, select);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200, 404).ConfigureAwait(false);
        if (response.Status == 404)
        {
            return new NoValueResponse<T>(response);
        }

        using var json = JsonDocument.Parse(response.Content.ToMemory());
        var entity = EntitySerializer.Deserialize<T>(json.RootElement);
        if (entity.ETag == default)
        {
            entity.ETag = HeaderReader.ETag(response);
        }

        return Response.FromValue(entity, response);
    }

    /// <summary>
    /// Deletes an entity if its ETag equals <paramref name="ifMatch"/> (default: unconditionally); an absent entity
    /// is not an error, a mismatched ETag is 412.
    /// </summary>
    public virtual async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        using var message = EntityMessage(RequestMethod.Delete, partitionKey, rowKey);
        message.Request.Headers.SetValue("If-Match", ifMatch == default ? "*" : ifMatch.ToString());
        return await _pipeline.SendAsync(message, cancellationToken, 204, 404).ConfigureAwait(false);
    }

    private HttpMessage EntityMessage(RequestMethod method, string partitionKey, string rowKey)
    {
        EntityValidator.ValidateKey(partitionKey, nameof(partitionKey));
        EntityValidator.ValidateKey(rowKey, nameof(rowKey));
        return _pipeline.CreateMessageForPath(method, TableClientPaths.EntityPath(Name, partitionKey, rowKey));
    }

    private static void SetJson(Request request, byte[] body)
    {
        request.Headers.SetValue("Content-Type", "application/json");
        request.Content = RequestContent.Create(body);
    }

    private static void AppendSelect(Request request, IEnumerable<string>? select)
    {
        var columns = select?.ToList();
        if (columns is { Count: > 0 })
        {
            request.Uri.AppendQuery("$select", string.Join(',', columns));
        }
    }
}
