using Azure;
using Azure.Core;
using DataOps.Storage.Internal;

namespace DataOps.Storage.Queues;

/// <summary>
/// One storage queue. Message text is sent as given (XML-escaped on the wire); encoding such as base64 is the
/// caller's choice.
/// </summary>
public partial class QueueClient
{
    /// <summary>The longest visibility delay or timeout the service accepts.</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    /// <summary>Time-to-live meaning "never expires".</summary>
    public static readonly TimeSpan InfiniteTimeToLive = TimeSpan.FromSeconds(-1);

    /// <summary>The largest message text, in UTF-8 bytes.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    private readonly StoragePipeline _pipeline = null!;

    internal QueueClient(StoragePipeline pipeline, string name)
    {
        NameValidator.ContainerOrQueue(name, nameof(name));
        _pipeline = pipeline;
        Name = name;
    }

    /// <summary>For mocking.</summary>
    protected QueueClient() => Name = string.Empty;

    /// <summary>The queue name.</summary>
    public virtual string Name { get; }

    /// <summary>Creates the queue; the value is true when created, false when it already existed.</summary>
    public virtual async Task<Response<bool>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, Name);
        var response = await _pipeline.SendAsync(message, cancellationToken, 201, 204).ConfigureAwait(false);
        return Response.FromValue(response.Status == 201, response);
    }

    /// <summary>Deletes the queue and its messages; false when it did not exist.</summary>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, Name);
        var response = await _pipeline.SendAsync(message, cancellationToken, 204, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 204, response);
    }

    /// <summary>True when the queue exists.</summary>
    public virtual async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = MetadataMessage();
        var response = await _pipeline.SendAsync(message, cancellationToken, 200, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 200, response);
    }

    /// <summary>Reads the approximate message count and metadata; 404 <c>QueueNotFound</c> when absent.</summary>
    public virtual async Task<Response<QueueProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var message = MetadataMessage();
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(
            new QueueProperties((int)HeaderReader.Int64(response, "x-ms-approximate-messages-count"), HeaderReader.Metadata(response)),
            response);
    }

    private HttpMessage MetadataMessage()
    {
        var message = _pipeline.CreateMessage(RequestMethod.Get, Name);
        message.Request.Uri.AppendQuery("comp", "metadata");
        return message;
    }
}
