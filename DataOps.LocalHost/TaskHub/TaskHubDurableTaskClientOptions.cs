using Microsoft.DurableTask.Client;

namespace DataOps.LocalHost.TaskHub;

/// <summary>
/// Options of <see cref="TaskHubDurableTaskClient"/>: the SDK's client options (data converter, default version)
/// plus how often the client polls the instance store while it waits for an instance to start or complete.
/// </summary>
/// <remarks>
/// Give the client the same <see cref="DurableTaskClientOptions.DataConverter"/> as the worker's
/// <c>DurableTaskWorkerOptions</c>: the client serializes inputs and event payloads and the worker deserializes them.
/// </remarks>
internal sealed class TaskHubDurableTaskClientOptions : DurableTaskClientOptions
{
    /// <summary>
    /// First pause between two reads of the instance while waiting; it doubles after each read up to
    /// <see cref="MaximumPollingInterval"/>. Default 100 ms, so short orchestrations are seen promptly.
    /// </summary>
    public TimeSpan MinimumPollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Longest pause between two reads of the instance while waiting. Default 1 s, which bounds both the extra
    /// latency of a long wait and the load a waiter puts on the instance store.
    /// </summary>
    public TimeSpan MaximumPollingInterval { get; set; } = TimeSpan.FromSeconds(1);
}
