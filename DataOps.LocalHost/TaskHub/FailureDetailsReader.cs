using System.Text.Json;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask;

namespace DataOps.LocalHost.TaskHub;

/// <summary>
/// Recovers the failure details of a failed instance. The Azure Storage backend does not keep them in its instance
/// table: it stores <c>"{ErrorType}: {ErrorMessage}"</c> as the instance's output and the full details only on the
/// ExecutionCompleted event of the history.
/// </summary>
internal static class FailureDetailsReader
{
    /// <summary>Converts DurableTask.Core's failure details to the SDK's, inner failures included.</summary>
    public static TaskFailureDetails? FromCore(FailureDetails? failure) => failure is null
        ? null
        : new TaskFailureDetails(
            failure.ErrorType,
            failure.ErrorMessage,
            failure.StackTrace,
            FromCore(failure.InnerFailure),
            failure.Properties);

    /// <summary>
    /// The failure details on the last ExecutionCompleted event of a history dump (the JSON array of history events
    /// that <see cref="IOrchestrationServiceClient.GetOrchestrationHistoryAsync"/> returns), or <c>null</c> when the
    /// dump has none or cannot be read.
    /// </summary>
    public static TaskFailureDetails? FromHistory(string? historyJson)
    {
        if (string.IsNullOrWhiteSpace(historyJson))
        {
            return null;
        }

        try
        {
            using var history = JsonDocument.Parse(historyJson);
            if (history.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var historyEvent in history.RootElement.EnumerateArray().Reverse())
            {
                if (historyEvent.ValueKind == JsonValueKind.Object
                    && historyEvent.TryGetProperty(nameof(HistoryEvent.EventType), out var type)
                    && type.ValueKind == JsonValueKind.Number
                    && type.GetInt32() == (int)EventType.ExecutionCompleted
                    && historyEvent.TryGetProperty(nameof(ExecutionCompletedEvent.FailureDetails), out var failure)
                    && failure.ValueKind == JsonValueKind.Object)
                {
                    return Read(failure);
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Error type and message from the output the backend stores for a failed instance
    /// (<c>"{ErrorType}: {ErrorMessage}"</c>); no stack trace or inner failure.
    /// </summary>
    public static TaskFailureDetails? FromOutput(string? output)
    {
        if (string.IsNullOrEmpty(output))
        {
            return null;
        }

        var colon = output.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !output.AsSpan(0, colon).ContainsAny(' ', '\n', '\t')
            ? new TaskFailureDetails(output[..colon], output[(colon + 2)..], null, null, null)
            : new TaskFailureDetails("(unknown)", output, null, null, null);
    }

    private static TaskFailureDetails Read(JsonElement failure) => new(
        String(failure, nameof(FailureDetails.ErrorType)) ?? "(unknown)",
        String(failure, nameof(FailureDetails.ErrorMessage)) ?? string.Empty,
        String(failure, nameof(FailureDetails.StackTrace)),
        failure.TryGetProperty(nameof(FailureDetails.InnerFailure), out var inner) && inner.ValueKind == JsonValueKind.Object ? Read(inner) : null,
        failure.TryGetProperty(nameof(FailureDetails.Properties), out var properties) && properties.ValueKind == JsonValueKind.Object
            ? properties.EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value))
            : null);

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static object? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole : (object)value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
