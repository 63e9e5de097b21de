using System.Net;
using DataOps.GleanEmulator.Faults;
using DataOps.GleanEmulator.Infrastructure;
using DataOps.GleanEmulator.State;

namespace DataOps.GleanEmulator.Endpoints;

/// <summary>
/// The developer API under <c>/admin</c>: inspect state, inject faults, reset. No bearer token, but only
/// callers on the loopback interface are served.
/// </summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app)
    {
        var state = app.Services.GetRequiredService<EmulatorState>();
        var faults = app.Services.GetRequiredService<FaultInjector>();
        var limits = app.Services.GetRequiredService<RateLimits>();
        var log = app.Services.GetRequiredService<RequestLog>();
        var admin = app.MapGroup("/admin").AddEndpointFilter(async (context, next) =>
            context.HttpContext.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
                ? await next(context)
                : Results.Json(new Contracts.ErrorBody("forbidden", "the admin API answers loopback callers only"), statusCode: 403));

        admin.MapGet("/state", () => Results.Ok(new AdminStateView(state.DescribeAll(), faults.Current, log.Snapshot())));
        admin.MapGet("/datasources/{name}", (string name) =>
            state.Describe(name) is { } view ? Results.Ok(view) : NotFound(name));
        admin.MapGet("/datasources/{name}/documents", (string name) =>
            state.ListDocuments(name) is { } documents ? Results.Ok(documents) : NotFound(name));
        admin.MapPost("/datasources/{name}/health", (string name, HealthRequest request) =>
        {
            faults.SetHealth(name, request.Healthy);
            return Results.Ok(faults.Current);
        });
        admin.MapGet("/faults", () => Results.Ok(faults.Current));
        admin.MapPost("/faults", (FaultSettings settings) =>
        {
            var problems = Check(settings);
            if (problems.Count > 0)
            {
                return Results.Json(new Contracts.ErrorBody("bad_request", string.Join("; ", problems)), statusCode: 400);
            }

            faults.Apply(settings);
            return Results.Ok(faults.Current);
        });
        admin.MapDelete("/faults", () =>
        {
            faults.Reset();
            return Results.Ok(faults.Current);
        });
        admin.MapGet("/requests", () => Results.Ok(log.Snapshot()));
        admin.MapDelete("/requests", () =>
        {
            log.Clear();
            return Results.NoContent();
        });
        admin.MapPost("/reset", () =>
        {
            state.Reset();
            faults.Reset();
            limits.Reset();
            log.Clear();
            return Results.NoContent();
        });
    }

    private static IResult NotFound(string name) =>
        Results.Json(new Contracts.ErrorBody("not_found", $"datasource '{name}' is not registered"), statusCode: 404);

    private static List<string> Check(FaultSettings s)
    {
        var problems = new List<string>();
        foreach (var (name, share) in new[]
        {
            ("share429WithRetryAfter", s.Share429WithRetryAfter), ("share429WithoutRetryAfter", s.Share429WithoutRetryAfter),
            ("share500", s.Share500), ("share503", s.Share503), ("shareTimeout", s.ShareTimeout),
        })
        {
            if (share is < 0 or > 1)
            {
                problems.Add($"{name} must be between 0 and 1");
            }
        }

        if (s.Share429WithRetryAfter + s.Share429WithoutRetryAfter + s.Share500 + s.Share503 + s.ShareTimeout > 1)
        {
            problems.Add("the shares together must not exceed 1");
        }

        if (s.LatencyMillis < 0 || s.HangMillis < 0)
        {
            problems.Add("latencyMillis and hangMillis must not be negative");
        }

        return problems;
    }
}

/// <summary>Body of <c>POST /admin/datasources/{name}/health</c>.</summary>
internal sealed record HealthRequest(bool Healthy);
