using Azure;
using Azure.Core;
using DataOps.Storage.Internal;

namespace DataOps.Storage.Blobs;

/// <summary>One block blob: upload, download, properties, delete, existence and leases.</summary>
public class BlobClient
{
    private readonly StoragePipeline _pipeline = null!;

    internal BlobClient(StoragePipeline pipeline, string containerName, string name)
    {
        NameValidator.Blob(name, nameof(name));
        _pipeline = pipeline;
        BlobContainerName = containerName;
        Name = name;
    }

    /// <summary>For mocking.</summary>
    protected BlobClient()
    {
        BlobContainerName = string.Empty;
        Name = string.Empty;
    }

    /// <summary>The blob name.</summary>
    public virtual string Name { get; }

    /// <summary>The container name.</summary>
    public virtual string BlobContainerName { get; }

    /// <summary>A lease client for this blob.</summary>
    public virtual BlobLeaseClient GetBlobLeaseClient(string? leaseId = null) =>
        new(_pipeline, [BlobContainerName, Name], isContainer: false, leaseId);

    /// <summary>
    /// Uploads <paramref name="content"/> as a block blob. Without <paramref name="overwrite"/> the upload is
    /// write-once (<c>If-None-Match: *</c>) and an existing blob fails with 409 <c>BlobAlreadyExists</c>.
    /// </summary>
    public virtual Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, bool overwrite = false, CancellationToken cancellationToken = default) =>
        UploadAsync(content, new BlobUploadOptions { Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);

    /// <summary>Uploads with content type, encoding, metadata and conditions (lease id, If-Match, If-None-Match).</summary>
    public virtual async Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, BlobUploadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        using var message = _pipeline.CreateMessage(RequestMethod.Put, BlobContainerName, Name);
        var headers = message.Request.Headers;
        headers.SetValue("x-ms-blob-type", "BlockBlob");
        if (options.ContentType is not null)
        {
            headers.SetValue("x-ms-blob-content-type", options.ContentType);
        }

        if (options.ContentEncoding is not null)
        {
            headers.SetValue("x-ms-blob-content-encoding", options.ContentEncoding);
        }

        foreach (var (key, value) in options.Metadata ?? new Dictionary<string, string>())
        {
            headers.SetValue(HeaderReader.MetadataPrefix + key, value);
        }

        ApplyConditions(message.Request, options.Conditions);
        message.Request.Content = RequestContent.Create(content);
        var response = await _pipeline.SendAsync(message, cancellationToken, 201).ConfigureAwait(false);
        return Response.FromValue(
            new BlobContentInfo(HeaderReader.ETag(response), HeaderReader.Date(response, "Last-Modified") ?? default), response);
    }

    /// <summary>Downloads the whole blob; 404 <c>BlobNotFound</c> when absent.</summary>
    public virtual async Task<Response<BlobDownloadResult>> DownloadContentAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, BlobContainerName, Name);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        var details = new BlobDownloadDetails(
            HeaderReader.ETag(response),
            HeaderReader.Date(response, "Last-Modified") ?? default,
            HeaderReader.Int64(response, "Content-Length"),
            HeaderReader.String(response, "Content-Type"),
            HeaderReader.String(response, "Content-Encoding"),
            HeaderReader.Metadata(response));
        return Response.FromValue(new BlobDownloadResult(response.Content, details), response);
    }

    /// <summary>Reads the blob's properties and metadata; 404 <c>BlobNotFound</c> when absent.</summary>
    public virtual async Task<Response<BlobProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Head, BlobContainerName, Name);
        await _pipeline.SendRawAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status != 200)
        {
            throw StoragePipeline.CreateException(response);
        }

        return Response.FromValue(
            new BlobProperties(
                HeaderReader.ETag(response),
                HeaderReader.Date(response, "Last-Modified") ?? default,
                HeaderReader.Int64(response, "Content-Length"),
                HeaderReader.String(response, "Content-Type"),
                HeaderReader.String(response, "Content-Encoding"),
                HeaderReader.Metadata(response),
                HeaderReader.String(response, "x-ms-lease-state"),
                HeaderReader.String(response, "x-ms-lease-status")),
            response);
    }

    /// <summary>True when the blob exists.</summary>
    public virtual async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Head, BlobContainerName, Name);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 200, response);
    }

    /// <summary>Deletes the blob (and its snapshots); false when it did not exist. A leased blob needs the lease id.</summary>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, BlobContainerName, Name);
        message.Request.Headers.SetValue("x-ms-delete-snapshots", "include");
        ApplyConditions(message.Request, conditions);
        var response = await _pipeline.SendAsync(message, cancellationToken, 202, 404).ConfigureAwait(false);
        if (response.Status == 404 && StoragePipeline.ErrorCode(response) == "ContainerNotFound")
        {
            return Response.FromValue(false, response);
        }

        return Response.FromValue(response.Status == 202, response);
    }

    private static void ApplyConditions(Request request, BlobRequestConditions? conditions)
    {
        if (conditions is null)
        {
            return;
        }

        if (conditions.LeaseId is not null)
        {
            request.Headers.SetValue("x-ms-lease-id", conditions.LeaseId);
        }

        if (conditions.IfMatch is { } ifMatch)
        {
            request.Headers.SetValue("If-Match", ifMatch.ToString("H"));
        }

        if (conditions.IfNoneMatch is { } ifNoneMatch)
        {
            request.Headers.SetValue("If-None-Match", ifNoneMatch.ToString("H"));
        }
    }
}
