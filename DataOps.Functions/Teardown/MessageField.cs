using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using DataOps.Functions.Http;

namespace DataOps.Functions.Teardown;

/// <summary>
/// One scalar field of a journey-event message as it arrived: missing, null, a string (or a string that is not valid
/// Unicode), or some other JSON kind. Reading it never fails, so a message is deserialized whole and then validated
/// field by field, and the poison reason names every bad field rather than the first.
/// </summary>
[JsonConverter(typeof(Converter))]
internal readonly record struct MessageField
{
    private MessageField(JsonValueKind kind, string? text) => (Kind, Text) = (kind, text);

    /// <summary>The JSON kind the field had; <see cref="JsonValueKind.Undefined"/> when it was missing.</summary>
    public JsonValueKind Kind { get; }

    /// <summary>The string, when the field was a valid one.</summary>
    public string? Text { get; }

    /// <summary>
    /// The text of a string field, or false with the error recorded for <paramref name="field"/>: "is required" (when
    /// <paramref name="required"/>), "must be a string, not ..." or the invalid-Unicode error, as for HTTP bodies.
    /// </summary>
    public bool TryText(string field, RequestValidation validation, [NotNullWhen(true)] out string? text, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(validation);
        text = null;
        if (Kind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            if (required)
            {
                validation.Add(field, "is required");
            }

            return false;
        }

        if (Kind != JsonValueKind.String)
        {
            validation.Add(field, $"must be a string, not {RequestValidation.Describe(Kind)}");
            return false;
        }

        if (Text is null)
        {
            validation.Add(field, RequestValidation.InvalidText);
            return false;
        }

        text = Text;
        return true;
    }

    internal sealed class Converter : JsonConverter<MessageField>
    {
        public override bool HandleNull => true;

        public override MessageField Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    try
                    {
                        return new MessageField(JsonValueKind.String, reader.GetString());
                    }
                    catch (InvalidOperationException)
                    {
                        // An escaped unpaired surrogate ("\ud800"): valid JSON, but no text.
                        return new MessageField(JsonValueKind.String, null);
                    }

                case JsonTokenType.Null:
                    return new MessageField(JsonValueKind.Null, null);
                case JsonTokenType.Number:
                    return new MessageField(JsonValueKind.Number, null);
                case JsonTokenType.True:
                    return new MessageField(JsonValueKind.True, null);
                case JsonTokenType.False:
                    return new MessageField(JsonValueKind.False, null);
                default:
                    var kind = reader.TokenType == JsonTokenType.StartArray ? JsonValueKind.Array : JsonValueKind.Object;
                    reader.Skip();
                    return new MessageField(kind, null);
            }
        }

        public override void Write(Utf8JsonWriter writer, MessageField value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            if (value.Text is { } text)
            {
                writer.WriteStringValue(text);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}
