using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace DataOps.LocalHost.Hosting.Queues;

/// <summary>
/// Keeps a received message invisible while its handler runs by extending its visibility at half the lease
/// period; each extension returns a new pop receipt, which deletes and updates must use.
/// </summary>
internal sealed class MessageLease : IAsyncDisposable
{
    private readonly QueueClient _queue;
    private readonly string _messageId;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;
    private string _popReceipt;

    public MessageLease(QueueClient queue, QueueMessage message, TimeSpan duration, TimeProvider time, ILogger logger)
    {
        (_queue, _messageId, _duration, _time, _logger, _popReceipt) = (queue, message.MessageId, duration, time, logger, message.PopReceipt);
        _renewal = RenewAsync();
    }

    public string PopReceipt => Volatile.Read(ref _popReceipt);

    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _renewal;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RenewAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(_duration / 2, _time, _stop.Token);
                // Not cancelled by StopAsync: a renewal the server applied must record its new pop receipt.
                var receipt = await _queue.UpdateMessageAsync(_messageId, PopReceipt, (string?)null, _duration, CancellationToken.None);
                Volatile.Write(ref _popReceipt, receipt.Value.PopReceipt);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
        {
            _logger.LogWarning(ex, "Extending the visibility of message {MessageId} in queue {Queue} failed; another host may process it too", _messageId, _queue.Name);
        }
    }
}
