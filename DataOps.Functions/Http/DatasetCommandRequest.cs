using System.Text.Json;
using DataOps.Domain.Datasets;

namespace DataOps.Functions.Http;

/// <summary>A command on one dataset over HTTP: the route's dataset id and a JSON body.</summary>
internal static class DatasetCommandRequest
{
    /// <summary>
    /// Reads the id and the body. A bad id is collected in the returned validation, so it is reported together with the
    /// body's bad fields; a body that cannot be read as JSON ends the request at once with <c>Error</c>.
    /// </summary>
    public static async Task<(RequestValidation Validation, DatasetId DatasetId, JsonElement Body, IResult? Error)> ReadAsync(
        HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation();
        DatasetId.TryCreate(id, out var datasetId, out var idError);
        if (idError is not null)
        {
            validation.Add("id", idError);
        }

        var (body, error) = await JsonBody.ReadAsync(request, cancellationToken);
        return (validation, datasetId, body, error);
    }
}
