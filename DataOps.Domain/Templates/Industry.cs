using System.Text.Json.Serialization;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Templates;

/// <summary>
/// The client industry a template is written for. Wire names (see <see cref="Datasets.WireNames"/>):
/// <c>fintech</c>, <c>healthcare</c>, <c>enterprise</c>, <c>manufacturing</c>, <c>retail</c>, and <c>generic</c>
/// for the fallback templates that fit any industry.
/// </summary>
[JsonConverter(typeof(WireNameJsonConverter<Industry>))]
public enum Industry
{
    /// <summary>Financial technology.</summary>
    Fintech,

    /// <summary>Healthcare and medical devices.</summary>
    Healthcare,

    /// <summary>General enterprise.</summary>
    Enterprise,

    /// <summary>Manufacturing.</summary>
    Manufacturing,

    /// <summary>Retail.</summary>
    Retail,

    /// <summary>Industry-neutral fallback templates; never a client's industry.</summary>
    Generic,
}
