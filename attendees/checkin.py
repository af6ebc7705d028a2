from django.http import Http404


def checkin(request):
    raise Http404
