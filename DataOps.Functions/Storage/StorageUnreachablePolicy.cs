using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace DataOps.Functions.Storage;

/// <summary>
/// Azure.Core's retry policy reports storage that never answered (connection refused or reset on every attempt) as
/// an <see cref="AggregateException"/> of each attempt's <see cref="RequestFailedException"/>. Every caller in the app
/// (trigger listeners, locks, registry, durable runtime) treats a storage fault as a <see cref="RequestFailedException"/>
/// and keeps going (a host outlives a storage restart), so this policy, placed before the retry policy in every client
/// the app builds (<see cref="StorageConnection.ApplyProfile"/>), surfaces that case as one with status 0 (no
/// response), the attempts kept as its inner exception.
/// </summary>
internal sealed class StorageUnreachablePolicy : HttpPipelinePolicy
{
    public static readonly StorageUnreachablePolicy Instance = new();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (AggregateException ex) when (IsUnanswered(ex))
        {
            throw Unreachable(ex);
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        catch (AggregateException ex) when (IsUnanswered(ex))
        {
            throw Unreachable(ex);
        }
    }

    private static bool IsUnanswered(AggregateException ex) =>
        ex.InnerExceptions.Count > 0 && ex.InnerExceptions.All(e => e is RequestFailedException);

    // The attempts' messages name the endpoint and the socket error, never a credential.
    private static RequestFailedException Unreachable(AggregateException ex) =>
        new(0, $"Storage did not answer after {ex.InnerExceptions.Count} attempts: {ex.InnerExceptions[^1].Message}", ex);
}
