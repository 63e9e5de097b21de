using System.Globalization;
using Azure;
using Azure.Core;
using DataOps.Storage.Internal;

namespace DataOps.Storage.Blobs;

/// <summary>
/// Leases on a blob or container: exclusive write/delete ownership for 15-60 seconds or infinitely, used for
/// partition ownership and singletons. The service refuses a second acquire with 409 <c>LeaseAlreadyPresent</c>.
/// </summary>
public class BlobLeaseClient
{
    /// <summary>Duration value for a lease that never expires.</summary>
    public static readonly TimeSpan InfiniteLeaseDuration = TimeSpan.FromSeconds(-1);

    private readonly StoragePipeline _pipeline = null!;
    private readonly string[] _segments = [];
    private readonly bool _isContainer;

    internal BlobLeaseClient(StoragePipeline pipeline, string[] segments, bool isContainer, string? leaseId)
    {
        _pipeline = pipeline;
        _segments = segments;
        _isContainer = isContainer;
        LeaseId = leaseId ?? Guid.NewGuid().ToString();
    }

    /// <summary>For mocking.</summary>
    protected BlobLeaseClient() => LeaseId = string.Empty;

    /// <summary>The lease id this client acquires, renews and releases with (a new GUID unless given).</summary>
    public virtual string LeaseId { get; private set; }

    /// <summary>Acquires the lease for 15-60 s or <see cref="InfiniteLeaseDuration"/>; 409 when another lease is active.</summary>
    public virtual async Task<Response<BlobLease>> AcquireAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var seconds = (int)duration.TotalSeconds;
        if (seconds != -1 && seconds is < 15 or > 60)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A lease lasts 15-60 seconds, or -1 second for an infinite lease.");
        }

        using var message = LeaseMessage("acquire");
        message.Request.Headers.SetValue("x-ms-lease-duration", seconds.ToString(CultureInfo.InvariantCulture));
        message.Request.Headers.SetValue("x-ms-proposed-lease-id", LeaseId);
        return await SendAsync(message, 201, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renews this lease (also after it expired, if nobody else took it).</summary>
    public virtual async Task<Response<BlobLease>> RenewAsync(CancellationToken cancellationToken = default)
    {
        using var message = LeaseMessage("renew");
        message.Request.Headers.SetValue("x-ms-lease-id", LeaseId);
        return await SendAsync(message, 200, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases this lease so another client can acquire immediately.</summary>
    public virtual async Task<Response<BlobLease>> ReleaseAsync(CancellationToken cancellationToken = default)
    {
        using var message = LeaseMessage("release");
        message.Request.Headers.SetValue("x-ms-lease-id", LeaseId);
        return await SendAsync(message, 200, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Breaks the active lease (whoever holds it). With a zero <paramref name="breakPeriod"/> it breaks at once;
    /// without one a timed lease runs to its end and an infinite one breaks at once.
    /// </summary>
    public virtual async Task<Response<BlobLease>> BreakAsync(TimeSpan? breakPeriod = null, CancellationToken cancellationToken = default)
    {
        using var message = LeaseMessage("break");
        if (breakPeriod is { } period)
        {
            var seconds = (int)period.TotalSeconds;
            if (seconds is < 0 or > 60)
            {
                throw new ArgumentOutOfRangeException(nameof(breakPeriod), breakPeriod, "The break period is 0-60 seconds.");
            }

            message.Request.Headers.SetValue("x-ms-lease-break-period", seconds.ToString(CultureInfo.InvariantCulture));
        }

        return await SendAsync(message, 202, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes the id of this active lease to <paramref name="proposedId"/>; this client then uses the new id.</summary>
    public virtual async Task<Response<BlobLease>> ChangeAsync(string proposedId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(proposedId);
        using var message = LeaseMessage("change");
        message.Request.Headers.SetValue("x-ms-lease-id", LeaseId);
        message.Request.Headers.SetValue("x-ms-proposed-lease-id", proposedId);
        var response = await SendAsync(message, 200, cancellationToken).ConfigureAwait(false);
        LeaseId = response.Value.LeaseId ?? proposedId;
        return response;
    }

    private HttpMessage LeaseMessage(string action)
    {
        var message = _pipeline.CreateMessage(RequestMethod.Put, _segments);
        if (_isContainer)
        {
            message.Request.Uri.AppendQuery("restype", "container");
        }

        message.Request.Uri.AppendQuery("comp", "lease");
        message.Request.Headers.SetValue("x-ms-lease-action", action);
        return message;
    }

    private async Task<Response<BlobLease>> SendAsync(HttpMessage message, int expected, CancellationToken cancellationToken)
    {
        var response = await _pipeline.SendAsync(message, cancellationToken, expected).ConfigureAwait(false);
        var time = HeaderReader.String(response, "x-ms-lease-time");
        return Response.FromValue(
            new BlobLease(
                HeaderReader.ETag(response),
                HeaderReader.Date(response, "Last-Modified") ?? default,
                HeaderReader.String(response, "x-ms-lease-id"),
                time is null ? null : int.Parse(time, CultureInfo.InvariantCulture)),
            response);
    }
}
