from django.http import Http404


def _todo(*args, **kwargs):
    raise Http404


register = register_thanks = resend_link = manage = badge = _todo
