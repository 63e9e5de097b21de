using DataOps.Functions.Access;
using DataOps.Functions.Http;
using Microsoft.Azure.Functions.Worker;

namespace DataOps.Functions.Reports;

/// <summary>
/// The compliance reports' API: list them with their stored days, download one as JSON or CSV, produce one now. They
/// name every client, so, like the operations summary, only roles that see every client read them, and only an
/// Operator (or a function key) produces one.
/// </summary>
public sealed class ReportFunctions(ReportStore store, ReportProducer producer, RequestAccess access, IConfiguration configuration)
{
    /// <summary><c>GET /api/reports</c>: the four reports, their schedules and the days each is stored for.</summary>
    [Function(nameof(ListReports))]
    public async Task<IResult> ListReports(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if ((await access.RequireAsync(request, c => c.SeesEveryClient, "read the compliance reports")).Refusal is { } refusal)
        {
            return refusal;
        }

        var dates = await store.DatesAsync(cancellationToken);
        return Results.Ok(new ReportList(
            store.ContainerName,
            [.. ReportCatalog.All.Select(r => new ReportListItem(r.Name, r.Title, r.Cadence, configuration[r.ScheduleSetting], dates.GetValueOrDefault(r.Name) ?? []))]));
    }

    /// <summary>
    /// <c>GET /api/reports/{name}/{date}?format=json|csv</c>: one stored report as a download (JSON unless asked
    /// otherwise); 400 naming a date not written <c>yyyy-MM-dd</c> or an unknown format, 404 for a report that does not
    /// exist or was not produced that day.
    /// </summary>
    [Function(nameof(DownloadReport))]
    public async Task<IResult> DownloadReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{name}/{date}")] HttpRequest request,
        string name,
        string date,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((await access.RequireAsync(request, c => c.SeesEveryClient, "read the compliance reports")).Refusal is { } refusal)
        {
            return refusal;
        }

        var validation = new RequestValidation();
        if (!ReportDates.TryParse(date, out _))
        {
            validation.Add("date", "must be a calendar date written yyyy-MM-dd");
        }

        var format = ReportFormat.Json;
        if (request.Query.TryGetValue("format", out var formats))
        {
            if (formats.Count == 1 && string.Equals(formats[0], "csv", StringComparison.Ordinal))
            {
                format = ReportFormat.Csv;
            }
            else if (formats.Count != 1 || !string.Equals(formats[0], "json", StringComparison.Ordinal))
            {
                validation.Add("format", "must be json or csv");
            }
        }

        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.Errors, title: "The report request is invalid.");
        }

        var report = ReportCatalog.Find(name);
        var content = report is null ? null : await store.ReadAsync(report.Name, date, format, cancellationToken);
        if (report is null || content is null)
        {
            return Results.Problem(
                title: "Report not found.",
                detail: report is null
                    ? $"There is no report named '{name}'; the reports are {string.Join(", ", ReportCatalog.All.Select(r => r.Name))}."
                    : $"The report {report.Name} was not produced for {date}.",
                statusCode: StatusCodes.Status404NotFound);
        }

        var fileName = $"{report.Name}-{date}.{(format == ReportFormat.Csv ? "csv" : "json")}";
        request.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(content.ToArray(), ReportStore.ContentType(format), fileName);
    }

    /// <summary>
    /// <c>POST /api/reports/produce</c> with <c>{report}</c>: produces the report now under today's date (replacing one
    /// produced earlier today) and answers 200 with where it went; 400 naming <c>report</c> when it is missing or not
    /// one of the four. Operators only.
    /// </summary>
    [Function(nameof(ProduceReport))]
    public async Task<IResult> ProduceReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports/produce")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((await access.RequireAsync(request, c => c.IsOperator, "produce a report")).Refusal is { } refusal)
        {
            return refusal;
        }

        var (body, bodyError) = await JsonBody.ReadAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var validation = new RequestValidation();
        ReportDefinition? report = null;
        if (validation.RequireObject(body) && validation.TryString(body, "report", out var name))
        {
            report = ReportCatalog.Find(name);
            if (report is null)
            {
                validation.Add("report", $"must be one of {string.Join(", ", ReportCatalog.All.Select(r => r.Name))}");
            }
        }

        if (!validation.IsValid || report is null)
        {
            return Results.ValidationProblem(validation.Errors, title: "The report request is invalid.");
        }

        return Results.Ok(await producer.ProduceAsync(report, cancellationToken));
    }
}
