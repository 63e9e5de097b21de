using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace DataOps.LocalHost.Hosting.Timers;

/// <summary>
/// A blob lease (<c>azure-webjobs-hosts/locks/{hostId}/{function}.listener</c>) that only one host holds, renewed at a
/// third of its period. The lease expires on the storage server's clock, so renewal runs on real time, not the
/// injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ListenerLock(BlobContainerClient container, string hostId, string functionName, SingletonOptions options, ILogger logger)
{
    private readonly BlobClient _blob = container.GetBlobClient($"locks/{hostId}/{functionName}.listener");

    /// <summary>Tries once to take the lease; null when another host holds it.</summary>
    public async Task<BlobLeaseClient?> TryAcquireAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // The lock blob exists already (and may be leased): that is the normal case.
        }

        var lease = _blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(options.ListenerLockPeriod, cancellationToken: cancellationToken);
            return lease;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    /// <summary>Renews until <paramref name="cancellationToken"/> fires; cancels <paramref name="lost"/> when a renewal fails.</summary>
    public async Task KeepAsync(BlobLeaseClient lease, CancellationTokenSource lost, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(options.ListenerLockPeriod / 3, cancellationToken);
                await lease.RenewAsync(cancellationToken: cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
        {
            logger.LogWarning(ex, "Timer {Function} lost its singleton lock", functionName);
            await lost.CancelAsync();
        }
    }

    public static async Task ReleaseAsync(BlobLeaseClient lease)
    {
        try
        {
            await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
        {
            // The lease then simply expires at the end of its period.
        }
    }
}
