using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataOps.Durable.Runtime.Storage;

/// <summary>JSON form of messages and history events (enums as names, nulls omitted).</summary>
internal static class MessageCodec
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(TaskMessage message) => JsonSerializer.Serialize(message, Options);

    public static string Serialize(HistoryEvent historyEvent) => JsonSerializer.Serialize(historyEvent, Options);

    public static TaskMessage? DeserializeMessage(string json) => JsonSerializer.Deserialize<TaskMessage>(json, Options);

    public static HistoryEvent DeserializeEvent(string json) =>
        JsonSerializer.Deserialize<HistoryEvent>(json, Options) ?? throw new JsonException("Empty history event.");
}
