using System.Globalization;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using DataOps.Storage.Internal;

namespace DataOps.Storage.Blobs;

/// <summary>A blob container: create, delete, existence, listing, leases and per-blob clients.</summary>
public class BlobContainerClient
{
    private readonly StoragePipeline _pipeline = null!;

    internal BlobContainerClient(StoragePipeline pipeline, string name)
    {
        NameValidator.ContainerOrQueue(name, nameof(name));
        _pipeline = pipeline;
        Name = name;
    }

    /// <summary>For mocking.</summary>
    protected BlobContainerClient() => Name = string.Empty;

    /// <summary>The container name.</summary>
    public virtual string Name { get; }

    /// <summary>A client for one blob of this container (no request is sent).</summary>
    public virtual BlobClient GetBlobClient(string blobName) => new(_pipeline, Name, blobName);

    /// <summary>A lease client for this container.</summary>
    public virtual BlobLeaseClient GetBlobLeaseClient(string? leaseId = null) =>
        new(_pipeline, [Name], isContainer: true, leaseId);

    /// <summary>Creates the container; the value is true when it was created, false when it already existed.</summary>
    public virtual async Task<Response<bool>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = ContainerMessage(RequestMethod.Put);
        var response = await _pipeline.SendAsync(message, cancellationToken, 201, 409).ConfigureAwait(false);
        if (response.Status == 409 && StoragePipeline.ErrorCode(response) != "ContainerAlreadyExists")
        {
            throw StoragePipeline.CreateException(response);
        }

        return Response.FromValue(response.Status == 201, response);
    }

    /// <summary>Deletes the container and its blobs; the value is false when it did not exist.</summary>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = ContainerMessage(RequestMethod.Delete);
        var response = await _pipeline.SendAsync(message, cancellationToken, 202, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 202, response);
    }

    /// <summary>True when the container exists.</summary>
    public virtual async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = ContainerMessage(RequestMethod.Head);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 200, response);
    }

    /// <summary>
    /// Lists blobs (with metadata) whose names start with <paramref name="prefix"/>, in name order, page by page;
    /// the continuation token is the service's NextMarker.
    /// </summary>
    public virtual AsyncPageable<BlobItem> GetBlobsAsync(string? prefix = null, CancellationToken cancellationToken = default) =>
        new FuncAsyncPageable<BlobItem>((marker, pageSize, ct) => ListPageAsync(prefix, marker, pageSize, ct), cancellationToken);

    private async Task<Page<BlobItem>> ListPageAsync(string? prefix, string? marker, int? pageSize, CancellationToken cancellationToken)
    {
        using var message = ContainerMessage(RequestMethod.Get);
        message.Request.Uri.AppendQuery("comp", "list");
        message.Request.Uri.AppendQuery("include", "metadata");
        if (!string.IsNullOrEmpty(prefix))
        {
            message.Request.Uri.AppendQuery("prefix", prefix);
        }

        if (!string.IsNullOrEmpty(marker))
        {
            message.Request.Uri.AppendQuery("marker", marker);
        }

        if (pageSize is > 0)
        {
            message.Request.Uri.AppendQuery("maxresults", Math.Min(pageSize.Value, 5000).ToString(CultureInfo.InvariantCulture));
        }

        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        var root = XDocument.Parse(response.Content.ToString()).Root!;
        var items = root.Element("Blobs")?.Elements("Blob").Select(ParseItem).ToList() ?? [];
        var next = root.Element("NextMarker")?.Value;
        return Page<BlobItem>.FromValues(items, string.IsNullOrEmpty(next) ? null : next, response);
    }

    private static BlobItem ParseItem(XElement blob)
    {
        var properties = blob.Element("Properties");
        string? Property(string name) => properties?.Element(name)?.Value is { Length: > 0 } v ? v : null;
        var metadata = blob.Element("Metadata")?.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        return new BlobItem(
            blob.Element("Name")!.Value,
            new ETag(Property("Etag") ?? string.Empty),
            Property("Last-Modified") is { } modified ? HeaderReader.ParseDate(modified) : default,
            long.Parse(Property("Content-Length") ?? "0", CultureInfo.InvariantCulture),
            Property("Content-Type"),
            Property("Content-Encoding"),
            metadata);
    }

    private HttpMessage ContainerMessage(RequestMethod method)
    {
        var message = _pipeline.CreateMessage(method, Name);
        message.Request.Uri.AppendQuery("restype", "container");
        return message;
    }
}
