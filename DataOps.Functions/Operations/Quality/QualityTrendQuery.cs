using System.Globalization;
using DataOps.Domain.Datasets;
using DataOps.Domain.Templates;
using DataOps.Functions.Http;

namespace DataOps.Functions.Operations.Quality;

/// <summary>Which validation runs a trend covers: the last <see cref="Days"/> days, optionally one client, template, stage or type.</summary>
public sealed record QualityTrendQuery
{
    /// <summary>The longest window, in days.</summary>
    public const int MaxDays = 90;

    /// <summary>The window when none is asked for, in days.</summary>
    public const int DefaultDays = 30;

    public ClientId? ClientId { get; init; }

    public TemplateId? TemplateId { get; init; }

    public Stage? Stage { get; init; }

    public DatasetType? DatasetType { get; init; }

    /// <summary>Days in the window, today included.</summary>
    public int Days { get; init; } = DefaultDays;

    /// <summary>Reads <c>clientId</c>, <c>templateId</c>, <c>stage</c>, <c>datasetType</c> and <c>days</c>; null with every bad one recorded.</summary>
    internal static QualityTrendQuery? Read(IQueryCollection query, RequestValidation validation)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(validation);
        var result = new QualityTrendQuery();
        if (DatasetQueryReader.Single(query, "clientId", validation) is { } client && validation.Check<ClientId>("clientId", client, Domain.Datasets.ClientId.TryCreate, out var clientId))
        {
            result = result with { ClientId = clientId };
        }

        if (DatasetQueryReader.Single(query, "templateId", validation) is { } template && validation.Check<TemplateId>("templateId", template, Domain.Templates.TemplateId.TryCreate, out var templateId))
        {
            result = result with { TemplateId = templateId };
        }

        if (DatasetQueryReader.Single(query, "stage", validation) is { } stage)
        {
            if (WireNames.TryParse<Stage>(stage, out var s))
            {
                result = result with { Stage = s };
            }
            else
            {
                validation.Add("stage", $"is not one of: {string.Join(", ", WireNames.AllowedNames<Stage>())}");
            }
        }

        if (DatasetQueryReader.Single(query, "datasetType", validation) is { } type)
        {
            if (WireNames.TryParse<DatasetType>(type, out var t))
            {
                result = result with { DatasetType = t };
            }
            else
            {
                validation.Add("datasetType", $"is not one of: {string.Join(", ", WireNames.AllowedNames<DatasetType>())}");
            }
        }

        if (DatasetQueryReader.Single(query, "days", validation) is { } days)
        {
            if (int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxDays)
            {
                result = result with { Days = n };
            }
            else
            {
                validation.Add("days", $"must be a whole number from 1 to {MaxDays}");
            }
        }

        return validation.IsValid ? result : null;
    }
}
