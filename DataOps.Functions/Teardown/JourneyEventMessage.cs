using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DataOps.Domain.Datasets;
using DataOps.Functions.Http;

namespace DataOps.Functions.Teardown;

/// <summary>
/// A message of the <c>journey-events</c> queue: a JSON object whose <c>type</c> (anywhere in the object) names the
/// event. Each event validates its own fields into the workflow input it starts; an invalid message is refused with a
/// <see cref="MalformedMessageException"/> naming every bad field, so the queue poisons it at once.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(JourneyStageChangedMessage), nameof(JourneyStageChangedMessage.JourneyStageChanged))]
[JsonDerivedType(typeof(JourneyCompletedMessage), nameof(JourneyCompletedMessage.JourneyCompleted))]
[JsonDerivedType(typeof(DatasetProvisionRequestedMessage), nameof(DatasetProvisionRequestedMessage.DatasetProvisionRequested))]
internal abstract record JourneyEventMessage
{
    private const int MaxDepth = 32;

    // Field names exactly as sent (camelCase, case-sensitive), the type discriminator wherever it appears.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        AllowOutOfOrderMetadataProperties = true,
        MaxDepth = MaxDepth,
    };

    /// <summary>Reads a message, or throws <see cref="MalformedMessageException"/> when it is not JSON, not an object, or of no known type.</summary>
    public static JourneyEventMessage Parse(string message)
    {
        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(message, new JsonDocumentOptions { MaxDepth = MaxDepth });
            body = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new MalformedMessageException($"not JSON: {ex.Message}");
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedMessageException("the message must be a JSON object");
        }

        // Every field reads without failing (MessageField, extension data), so only the discriminator can: missing,
        // not a string, or naming no event.
        try
        {
            return body.Deserialize<JourneyEventMessage>(Options) ?? throw new JsonException("no message");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            var validation = new RequestValidation();
            validation.TryString(body, "type", out _);
            validation.Add("type", "must be JourneyStageChanged, JourneyCompleted or DatasetProvisionRequested");
            ThrowIfInvalid(validation);
            throw;
        }
    }

    /// <summary>Throws <see cref="MalformedMessageException"/> listing the errors, when there are any.</summary>
    public static void ThrowIfInvalid(RequestValidation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (!validation.IsValid)
        {
            throw new MalformedMessageException("invalid journey event: " + string.Join("; ", validation.Errors.Select(e => $"{e.Key} {string.Join(", ", e.Value)}")));
        }
    }

    /// <summary>The journey, client and time every stage event carries; defaults where invalid (errors recorded).</summary>
    protected static (JourneyId JourneyId, ClientId ClientId, DateTimeOffset OccurredAt) Common(MessageField journeyId, MessageField clientId, MessageField occurredAt, RequestValidation validation)
    {
        journeyId.TryText("journeyId", validation, out var journeyRaw);
        validation.Check<JourneyId>("journeyId", journeyRaw, JourneyId.TryCreate, out var journey);
        clientId.TryText("clientId", validation, out var clientRaw);
        validation.Check<ClientId>("clientId", clientRaw, ClientId.TryCreate, out var client);
        var at = Time(occurredAt, validation, required: true) ?? default;
        return (journey, client, at);
    }

    /// <summary>A stage by its wire name, or null (absent, or invalid with the error recorded).</summary>
    protected static Stage? StageOf(MessageField value, string field, RequestValidation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (!value.TryText(field, validation, out var raw))
        {
            return null;
        }

        if (WireNames.TryParse<Stage>(raw, out var stage))
        {
            return stage;
        }

        validation.Add(field, $"is not one of: {string.Join(", ", WireNames.AllowedNames<Stage>())}");
        return null;
    }

    /// <summary>When the event happened, in UTC, or null (absent, or invalid with the error recorded).</summary>
    protected static DateTimeOffset? Time(MessageField value, RequestValidation validation, bool required)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (!value.TryText("occurredAt", validation, out var raw, required))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at.ToUniversalTime();
        }

        validation.Add("occurredAt", "must be an ISO 8601 date and time");
        return null;
    }
}
