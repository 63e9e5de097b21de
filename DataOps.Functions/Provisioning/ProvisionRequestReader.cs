using System.Text.Json;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using DataOps.Functions.Http;

namespace DataOps.Functions.Provisioning;

/// <summary>
/// Reads and validates a provisioning request (<c>{journeyId, clientId, clientName, industry, useCase, stage,
/// datasetTypes[], requestedBy}</c>) from HTTP or a queue message, naming every invalid field.
/// </summary>
internal static class ProvisionRequestReader
{
    /// <summary>Longest accepted <c>requestedBy</c>.</summary>
    public const int MaxRequestedByLength = 128;

    /// <summary>Returns the normalized request, or null with the errors recorded in <paramref name="validation"/>.</summary>
    /// <param name="body">The request.</param>
    /// <param name="validation">Collects the bad fields.</param>
    /// <param name="requestedBy">
    /// Who asked, when the caller's token says so: then the body's <c>requestedBy</c> is not read (a person cannot
    /// request in someone else's name); null reads it from the body (function keys, queue messages).
    /// </param>
    public static ProvisionJourneyInput? Read(JsonElement body, RequestValidation validation, string? requestedBy = null)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (!validation.RequireObject(body))
        {
            return null;
        }

        validation.TryString(body, "journeyId", out var journeyRaw);
        validation.Check<JourneyId>("journeyId", journeyRaw, JourneyId.TryCreate, out var journeyId);
        validation.TryString(body, "clientId", out var clientRaw);
        validation.Check<ClientId>("clientId", clientRaw, ClientId.TryCreate, out var clientId);
        validation.TryString(body, "clientName", out var clientNameRaw);
        validation.Check<ClientName>("clientName", clientNameRaw, ClientName.TryCreate, out var clientName);
        var industry = Enum<Industry>(body, "industry", validation);
        validation.TryString(body, "useCase", out var useCaseRaw);
        validation.Check<UseCase>("useCase", useCaseRaw, UseCase.TryCreate, out var useCase);
        var stage = Enum<Stage>(body, "stage", validation);
        var types = DatasetTypes(body, validation);
        if (requestedBy is null
            && validation.TryString(body, "requestedBy", out requestedBy)
            && (string.IsNullOrWhiteSpace(requestedBy) || requestedBy.Length > MaxRequestedByLength || requestedBy.Any(char.IsControl)))
        {
            validation.Add("requestedBy", $"must be 1-{MaxRequestedByLength} printable characters");
        }

        if (!validation.IsValid)
        {
            return null;
        }

        return new ProvisionJourneyInput(
            journeyId,
            clientId,
            clientName,
            industry!.Value,
            useCase,
            stage!.Value,
            types!.ToArray(),
            requestedBy!);
    }

    private static T? Enum<T>(JsonElement body, string field, RequestValidation validation)
        where T : struct, System.Enum
    {
        if (!validation.TryString(body, field, out var raw))
        {
            return null;
        }

        if (WireNames.TryParse<T>(raw, out var value))
        {
            return value;
        }

        validation.Add(field, $"'{Clip(raw)}' is not one of: {string.Join(", ", WireNames.AllowedNames<T>())}");
        return null;
    }

    private static List<DatasetType>? DatasetTypes(JsonElement body, RequestValidation validation)
    {
        if (!body.TryGetProperty("datasetTypes", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            validation.Add("datasetTypes", "is required");
            return null;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            validation.Add("datasetTypes", $"must be an array of dataset types, not {RequestValidation.Describe(element.ValueKind)}");
            return null;
        }

        var types = new List<DatasetType>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var field = $"datasetTypes[{index++}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                validation.Add(field, $"must be a string, not {RequestValidation.Describe(item.ValueKind)}");
            }
            else if (!RequestValidation.TryGetText(item, out var text))
            {
                validation.Add(field, RequestValidation.InvalidText);
            }
            else if (!WireNames.TryParse<DatasetType>(text, out var type))
            {
                validation.Add(field, $"'{Clip(text)}' is not one of: {string.Join(", ", WireNames.AllowedNames<DatasetType>())}");
            }
            else if (types.Contains(type.Value))
            {
                validation.Add(field, $"'{type.Value.ToWireName()}' is listed twice");
            }
            else
            {
                types.Add(type.Value);
            }
        }

        if (index == 0)
        {
            validation.Add("datasetTypes", "must name at least one dataset type");
        }

        return types;
    }

    // Echo at most a short prefix of a bad value: errors must stay readable and never replay a huge payload.
    private static string Clip(string? value) => value is null ? string.Empty : value.Length <= 40 ? value : value[..40] + "...";
}
