using System.Text.Json;
using System.Text.Json.Serialization;
using DataOps.Functions.Http;
using DataOps.Functions.Provisioning;

namespace DataOps.Functions.Teardown;

/// <summary>
/// <c>DatasetProvisionRequested</c>: provision datasets for a journey stage. Besides the optional <c>occurredAt</c>,
/// the message is a provisioning request as <c>POST /api/datasets/provision</c> takes it, read by the same reader.
/// </summary>
internal sealed record DatasetProvisionRequestedMessage(MessageField OccurredAt) : JourneyEventMessage
{
    /// <summary>The event's <c>type</c>.</summary>
    public const string DatasetProvisionRequested = nameof(DatasetProvisionRequested);

    /// <summary>The provisioning request's fields as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement> Request { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The provisioning to start and when it was asked for, or nulls with the errors recorded in <paramref name="validation"/>.</summary>
    public (ProvisionJourneyInput? Input, DateTimeOffset? OccurredAt) ToRequest(RequestValidation validation)
    {
        var input = ProvisionRequestReader.Read(JsonSerializer.SerializeToElement(Request), validation);
        var occurredAt = Time(OccurredAt, validation, required: false);
        return (validation.IsValid ? input : null, occurredAt);
    }
}
